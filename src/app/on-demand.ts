/**
 * A session whose code loads the first time something needs it, not with the page's first script: `current` is
 * undefined until then, and `get()` loads it (once) and says so through `loaded`, so that the view renders it.
 */
export class OnDemand<Session> {
  current: Session | undefined;
  #loading: Promise<Session> | undefined;

  constructor(
    private readonly load: () => Promise<Session>,
    private readonly loaded: () => void,
  ) {}

  get(): Promise<Session> {
    this.#loading ??= this.load().then((session) => {
      this.current = session;
      this.loaded();
      return session;
    });
    return this.#loading;
  }
}
