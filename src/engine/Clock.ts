/** The source of "now" in milliseconds; injected so tests and the demo control time. */
export type Clock = () => number;

export const systemClock: Clock = () => Date.now();
