// How the engine page gets its owner's MessagePort (no imports: the engine window's preload uses it).
/** What the preload posts to the page's window, with the owner's MessagePort attached. */
export const ENGINE_PORT_MESSAGE = 'loopscope-engine-port';
/** The IPC channel on which main hands the preload a MessagePortMain. */
export const ENGINE_PORT_CHANNEL = 'engine:port';
