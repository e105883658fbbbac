// A one-off process the host starts to make the engine snapshot (engine-core.ts
// makeEngineSnapshot): the same bundle, Node and permission flags as the engine process (so no
// write access anywhere), no program ever sent to it. It writes the snapshot's bytes to its
// stdout and exits; the host checks them and writes the file (main/host/engine-snapshot.ts).
import process from 'node:process';
import { makeSnapshot } from '../python/engine';
import { answerConstantsBinding, denyNetwork, denyProcesses } from './harden';

// As the engine process is when it loads, so the warm-up sees the same world.
answerConstantsBinding();
denyNetwork();
denyProcesses();
const bytes = await makeSnapshot();
process.stdout.write(bytes, (e) => process.exit(e ? 1 : 0));
