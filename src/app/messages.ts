import type { Message } from './events.ts';

/** The notices over the map: one per id (a newer one replaces it), each dismissed by the user. */
export class Messages {
  list: Message[] = [];

  constructor(private readonly changed: () => void) {}

  report(id: string, text: string): void {
    console.warn(text);
    this.list = [...this.list.filter((message) => message.id !== id), { id, text }];
    this.changed();
  }

  dismiss(id: string): void {
    this.list = this.list.filter((message) => message.id !== id);
    this.changed();
  }
}
