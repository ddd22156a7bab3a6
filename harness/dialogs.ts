/**
 * What the platform shows around the control, played by the page: the confirm dialog (navigation.openConfirmDialog),
 * the lookup dialog (utils.lookupObjects) and the phone's camera scanner (device.getBarcodeValue). Each is a modal
 * with its strings set as text, never as markup, focus inside it, and Esc for cancel.
 */

interface Modal {
  dialog: HTMLElement;
  buttons: HTMLElement;
  /** A button in the dialog's button row. */
  button(label: string, onClick: () => void): HTMLButtonElement;
  close(): void;
}

function openModal(title: string, onEscape: () => void, text?: string): Modal {
  const backdrop = document.createElement("div");
  backdrop.className = "host-dialog-backdrop";
  const dialog = document.createElement("div");
  dialog.className = "host-dialog";
  dialog.setAttribute("role", "alertdialog");
  dialog.setAttribute("aria-modal", "true");
  const heading = document.createElement("h2");
  heading.id = "host-dialog-title";
  heading.textContent = title;
  dialog.setAttribute("aria-labelledby", heading.id);
  dialog.append(heading);
  if (text !== undefined) {
    const p = document.createElement("p");
    p.id = "host-dialog-text";
    p.textContent = text;
    dialog.setAttribute("aria-describedby", p.id);
    dialog.append(p);
  }
  const buttons = document.createElement("div");
  buttons.className = "host-dialog-buttons";
  const close = () => backdrop.remove();
  dialog.addEventListener("keydown", (e) => {
    if (e.key !== "Escape") return;
    close();
    onEscape();
  });
  backdrop.append(dialog);
  document.body.append(backdrop);
  return {
    dialog,
    buttons,
    close,
    button(label, onClick) {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label;
      b.addEventListener("click", () => {
        close();
        onClick();
      });
      buttons.append(b);
      return b;
    },
  };
}

export function confirmDialog(strings: ComponentFramework.NavigationApi.ConfirmDialogStrings): Promise<boolean> {
  return new Promise((resolve) => {
    const modal = openModal(strings.title ?? "", () => resolve(false), strings.text);
    const yes = modal.button(strings.confirmButtonLabel ?? "OK", () => resolve(true));
    modal.button(strings.cancelButtonLabel ?? "Cancel", () => resolve(false));
    modal.dialog.append(modal.buttons);
    yes.focus();
  });
}

export interface Choice<T> {
  label: string;
  value: T;
}

/**
 * A list to pick one from, with a search box over it (the lookup dialog shows the first matches): resolves with the
 * pick, or undefined when closed.
 */
function chooseDialog<T>(title: string, choices: () => Choice<T>[], closeLabel: string, hint?: string): Promise<T | undefined> {
  return new Promise((resolve) => {
    const modal = openModal(title, () => resolve(undefined), hint);
    const search = document.createElement("input");
    search.type = "search";
    search.setAttribute("aria-label", "Search");
    search.className = "host-dialog-search";
    const list = document.createElement("ul");
    list.className = "host-dialog-list";
    const draw = () => {
      const typed = search.value.trim().toLowerCase();
      const shown = choices().filter((c) => c.label.toLowerCase().includes(typed)).slice(0, 12);
      list.replaceChildren(...shown.map((choice) => {
        const item = document.createElement("li");
        const b = document.createElement("button");
        b.type = "button";
        b.textContent = choice.label;
        b.addEventListener("click", () => {
          modal.close();
          resolve(choice.value);
        });
        item.append(b);
        return item;
      }));
    };
    search.addEventListener("input", draw);
    draw();
    modal.button(closeLabel, () => resolve(undefined));
    modal.dialog.append(search, list, modal.buttons);
    search.focus();
  });
}

/** The lookup dialog for one contact: resolves as lookupObjects does, with the pick or with none. */
export async function contactPicker(contacts: () => { id: string; name: string }[]): Promise<ComponentFramework.LookupValue[]> {
  const picked = await chooseDialog("Look up a contact", () => contacts().map((c) => ({ label: c.name, value: c })), "Cancel");
  // The platform hands ids over braced and upper case: the control must take the bare GUID.
  return picked ? [{ id: `{${picked.id.toUpperCase()}}`, name: picked.name, entityType: "contact" }] : [];
}

/** What the camera's scanner can hand over: a badge's code, closing (the user's choice) or a failure. */
export type ScanOutcome = { code: string } | { closed: true } | { failure: string };

/**
 * The phone's camera scanner: the tester picks the badge held up to it. Closing rejects as the platform does when the
 * user closes the scanner; "No camera permission" rejects as a failure would.
 */
export async function cameraScanner(badges: () => Choice<string>[]): Promise<string> {
  const outcome = await chooseDialog<ScanOutcome>(
    "Camera: hold a badge up",
    () => [...badges().map((b) => ({ label: b.label, value: { code: b.value } as ScanOutcome })), { label: "No camera permission (a failure)", value: { failure: "Camera access was denied." } }],
    "Close the scanner",
    "The Power Apps mobile app's barcode scanner, played by the page: pick the badge it reads.",
  ) ?? { closed: true };
  if ("code" in outcome) return outcome.code;
  throw "failure" in outcome ? { errorCode: -2147024891, message: outcome.failure } : { message: "The user cancelled the barcode scan." };
}
