/**
 * Issue 21 in the soak: the tabs of one browser, each a document with the grid's editor in it, over one journal
 * store and one lock manager (Web Locks across documents). Tabs open, close (the grid disposed, then the document
 * gone), crash (the document gone at once: its locks free, its answers never heard), the user moves to another form
 * (the grid disposed, the document stays and hears its answers, a new grid starts in it), and a crash-restored
 * browser opens every tab at once.
 */
import type { OwnedJournal } from "../../SessionRegistrationGrid/services/journalOwner";
import type { RegistrationEditor } from "../../SessionRegistrationGrid/services/registrationEditor";
import { FakeLocks } from "../fixtures/fakeLocks";

/** One grid (one editor) in one document, and the calls it has in flight (a gone document hears no answers). */
export interface Page {
  editor: RegistrationEditor;
  journal: OwnedJournal;
  doc: number;
  dead: boolean;
  disposed: boolean;
  inFlight: number;
  maxInFlight: number;
  rowsInFlight: Map<string, number>;
}

/** At most this many tabs open at once. */
export const MAX_TABS = 2;

export class Tabs {
  /** Every page opened, gone ones too. */
  readonly pages: Page[] = [];
  /** The grid each open tab shows now. */
  open: Page[] = [];
  focus = 0;
  private docs = 0;

  constructor(
    readonly locks: FakeLocks,
    private readonly openPage: (doc: number) => Page,
    private readonly count: (what: "tabsOpened" | "tabsClosed" | "tabsCrashed" | "formChanges") => void,
  ) {
    this.open = [this.newPage(this.newDoc())];
  }

  get current(): Page {
    return this.open[this.focus];
  }

  /** The pages whose editors hold changes: alive, and not disposed or still holding their journal (a save in flight). */
  holding(): Page[] {
    return this.pages.filter((p) => !p.dead && (!p.disposed || this.locks.isHeld(p.journal.key)));
  }

  /** Another tab opens (the user, or a link): it is where the next commands happen. */
  openTab(): boolean {
    if (this.open.length >= MAX_TABS) return false;
    this.open.push(this.newPage(this.newDoc()));
    this.focus = this.open.length - 1;
    this.count("tabsOpened");
    return true;
  }

  switchTab(): boolean {
    if (this.open.length < 2) return false;
    this.focus = (this.focus + 1) % this.open.length;
    // The page shows again (visibilitychange): it looks for owners gone.
    this.current.journal.lookAgain();
    return true;
  }

  /** The tab is closed: the platform destroys the grid, then the document goes (answers still on their way are lost). */
  closeTab(): boolean {
    if (this.open.length < 2) return false;
    this.dispose(this.current);
    this.gone(this.current.doc);
    this.drop();
    this.count("tabsClosed");
    return true;
  }

  /** The tab crashes: its document goes at once, no grid destroyed. The last tab is reopened (a reload after the crash). */
  crashTab(): void {
    const { doc } = this.current;
    this.gone(doc);
    this.count("tabsCrashed");
    if (this.open.length > 1) this.drop();
    else this.open[this.focus] = this.newPage(this.newDoc());
  }

  /** The browser crashes, and restoring it opens every tab at once. */
  crashBrowser(): void {
    for (const page of this.open) this.gone(page.doc);
    this.count("tabsCrashed");
    this.open = this.open.map(() => this.newPage(this.newDoc()));
    this.focus = 0;
  }

  /** A reload: the grid destroyed, the document gone, a new one loaded in the tab. */
  reload(): void {
    this.dispose(this.current);
    this.gone(this.current.doc);
    this.open[this.focus] = this.newPage(this.newDoc());
  }

  /** The user moves to another form in the same tab: the grid destroyed, a new one in the same document. */
  formChange(): void {
    this.dispose(this.current);
    this.open[this.focus] = this.newPage(this.current.doc);
    this.count("formChanges");
  }

  /** Ends the world: every document gone, every editor's timers stopped. */
  end(): void {
    for (const page of this.pages) {
      page.dead = true;
      this.locks.gone(page.doc);
      if (!page.disposed) page.editor.dispose();
    }
  }

  private newDoc(): number {
    return ++this.docs;
  }

  private newPage(doc: number): Page {
    const page = this.openPage(doc);
    this.pages.push(page);
    return page;
  }

  private dispose(page: Page): void {
    page.disposed = true;
    page.editor.dispose();
  }

  /** A document goes: its pages do nothing more, hear no answers, and their locks are free. */
  private gone(doc: number): void {
    for (const page of this.pages) if (page.doc === doc) page.dead = true;
    this.locks.gone(doc);
  }

  private drop(): void {
    this.open.splice(this.focus, 1);
    this.focus = 0;
  }
}
