// The shared player's entry: the run embedded in the page, or a sentence saying why there is none.
import { mount } from 'svelte';
import '../global.css';
import { readEmbeddedTrace } from './embedded';
import SharedPlayer from './SharedPlayer.svelte';

const target = document.getElementById('app');
if (!target) throw new Error('the player page has no #app element');
const trace = readEmbeddedTrace(document);
if (typeof trace === 'string') {
  const p = document.createElement('p');
  p.className = 'share-problem';
  p.setAttribute('role', 'alert');
  p.textContent = trace;
  target.append(p);
} else {
  mount(SharedPlayer, { target, props: { trace } });
}
