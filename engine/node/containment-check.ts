// The engine process's look at itself before it loads any Python: is Node's permission model
// on, with no writes, child processes, workers or reads outside its folders, and is code
// generation from strings off? A failed check does not stop the engine (a developer may run
// it bare on purpose); it is reported, and the app and the CLI say so where people see it.
import process from 'node:process';
import { networkDenied } from './harden';

interface PermissionApi {
  has(scope: string, reference?: string): boolean;
}

export function checkContainment(probeOutside: string): { contained: boolean; problems: string[] } {
  const problems: string[] = [];
  const permission = (process as { permission?: PermissionApi }).permission;
  if (!permission) {
    problems.push("Node's permission model is off (no --permission flag)");
  } else {
    if (permission.has('fs.write')) problems.push('the engine may write files');
    if (permission.has('child')) problems.push('the engine may start processes');
    if (permission.has('worker')) problems.push('the engine may start worker threads');
    if (permission.has('fs.read', probeOutside)) problems.push(`the engine may read ${probeOutside}`);
    // From Node 25 the model has a network scope, denied unless --allow-net is given.
    const major = Number(/^v(\d+)/.exec(process.version)?.[1] ?? 0);
    if (major < 25)
      problems.push(
        `Node ${process.version}'s permission model does not deny the network (Node 25 or later does)`,
      );
    else if (permission.has('net')) problems.push('the engine may use the network');
  }
  let codegen = true;
  try {
    new Function('return 1');
  } catch {
    codegen = false;
  }
  if (codegen) problems.push('code generation from strings is allowed (Function, eval)');
  if (!networkDenied()) problems.push('network access is not blocked');
  return { contained: problems.length === 0, problems };
}
