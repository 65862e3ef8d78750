import { applyPartial, snapshot, type AtlasState } from './state.ts';

type Listener = (state: AtlasState, previous: AtlasState) => void;

/** Holds the one AtlasState; every change goes through `update` or `set`, and listeners see old and new. */
export class Store {
  #state: AtlasState;
  #listeners = new Set<Listener>();

  constructor(
    initial: AtlasState,
    readonly layerIds: readonly string[],
  ) {
    this.#state = initial;
  }

  get state(): AtlasState {
    return this.#state;
  }

  /** Validates a partial state from outside; throws a StateError and changes nothing when it is refused. */
  set(partial: unknown): void {
    this.#commit(applyPartial(this.#state, partial, this.layerIds));
  }

  /** Applies a change made inside the app (already valid by construction). */
  update(change: (state: AtlasState) => AtlasState): void {
    this.#commit(change(snapshot(this.#state)));
  }

  subscribe(listener: Listener): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  #commit(next: AtlasState): void {
    const previous = this.#state;
    this.#state = next;
    for (const listener of this.#listeners) listener(next, previous);
  }
}
