// How the engine page and the UI get their MessagePorts (no imports: both preloads use it).
/** What the engine preload posts to the page's window, with the owner's MessagePort attached. */
export const ENGINE_PORT_MESSAGE = 'loopscope-engine-port';
/** The IPC channel on which main hands the engine preload a MessagePortMain. */
export const ENGINE_PORT_CHANNEL = 'engine:port';
/** The IPC channel on which main hands the UI preload the UI's end of a run's trace channel. */
export const TRACE_PORT_CHANNEL = 'sim:tracePort';
/** What the UI preload posts to the renderer's window, with that port attached. */
export const TRACE_PORT_MESSAGE = 'loopscope-trace-port';
