/**
 * A session whose code loads the first time something needs it, not with the page's first script: `current` is
 * undefined until then, and `get()` loads it (once) and says so through `loaded`, so that the view renders it. A load
 * that fails (the chunk could not be fetched) is handed to `failed` once, and every `get()` then rejects with it: a
 * view that asks again while rendering must not start a loop of reports and renders.
 */
export class OnDemand<Session> {
  current: Session | undefined;
  #loading: Promise<Session> | undefined;

  constructor(
    private readonly load: () => Promise<Session>,
    private readonly loaded: () => void,
    private readonly failed: (error: unknown) => void = () => undefined,
  ) {}

  get(): Promise<Session> {
    this.#loading ??= this.load().then(
      (session) => {
        this.current = session;
        this.loaded();
        return session;
      },
      (error: unknown) => {
        this.failed(error);
        throw error;
      },
    );
    return this.#loading;
  }

  /** Hands the session to `act` once its code is in; a load that fails was reported (`failed`), and nothing is done. */
  use(act: (session: Session) => unknown): void {
    this.get().then(act, () => undefined);
  }
}
