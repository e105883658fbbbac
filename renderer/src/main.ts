// Renderer entry: global styles and the Svelte shell. Pixi's no-eval shim is imported by the
// stage itself (stage/renderer.ts), so the CSP can forbid 'unsafe-eval'.
import { mount } from 'svelte';
import App from './App.svelte';
import './global.css';

const target = document.getElementById('app');
if (!target) throw new Error('index.html has no #app element');
export default mount(App, { target });
