/** The grid's status line as an event: anything may say something; the line shows the latest. */
export interface Announcer {
  announce(message: string): void;
  subscribe(listener: (message: string) => void): () => void;
}

export function createAnnouncer(): Announcer {
  const listeners = new Set<(message: string) => void>();
  return {
    announce: (message) => listeners.forEach((listener) => listener(message)),
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
