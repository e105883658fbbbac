# ctypes to Emscripten's JavaScript helper emscripten_run_script_int: JavaScript source run in
# the engine's own context, where `process` would read the canary. The host refuses the source
# before it runs (Node: code generation from strings is off in the engine process; Chromium:
# the engine page's CSP has no 'unsafe-eval'), and the run ends there with an internal error:
# nothing after the call runs, so no line says BLOCKED; what is checked is that it ended so,
# that nothing outside was touched, and that the next run is clean.
# Added when a hostile file of the lead's reached it (Node 26 host: "Code generation from
# strings disallowed for this context").
import ctypes

lib = ctypes.CDLL(None)
print("REACHING run_script", flush=True)
lib.emscripten_run_script_int(
    b"(()=>{const p=globalThis.process;return p?p.getBuiltinModule('fs').readFileSync('__CANARY__').length:0})()"
)
print("ESCAPED emscripten_run_script_int: JavaScript ran")
