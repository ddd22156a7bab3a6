/**
 * What the platform shows for navigation.openConfirmDialog, played by the page: a modal with the control's own
 * strings (set as text, never as markup), focus on the confirm button, Esc for cancel.
 */
export function confirmDialog(strings: ComponentFramework.NavigationApi.ConfirmDialogStrings): Promise<boolean> {
  return new Promise((resolve) => {
    const backdrop = document.createElement("div");
    backdrop.className = "host-dialog-backdrop";
    const dialog = document.createElement("div");
    dialog.className = "host-dialog";
    dialog.setAttribute("role", "alertdialog");
    dialog.setAttribute("aria-modal", "true");
    const title = document.createElement("h2");
    title.id = "host-dialog-title";
    title.textContent = strings.title ?? "";
    const text = document.createElement("p");
    text.id = "host-dialog-text";
    text.textContent = strings.text;
    dialog.setAttribute("aria-labelledby", title.id);
    dialog.setAttribute("aria-describedby", text.id);
    const buttons = document.createElement("div");
    buttons.className = "host-dialog-buttons";
    const close = (answer: boolean) => {
      backdrop.remove();
      resolve(answer);
    };
    const button = (label: string | undefined, answer: boolean) => {
      const b = document.createElement("button");
      b.type = "button";
      b.textContent = label ?? (answer ? "OK" : "Cancel");
      b.addEventListener("click", () => close(answer));
      buttons.append(b);
      return b;
    };
    const yes = button(strings.confirmButtonLabel, true);
    button(strings.cancelButtonLabel, false);
    dialog.addEventListener("keydown", (e) => e.key === "Escape" && close(false));
    dialog.append(title, text, buttons);
    backdrop.append(dialog);
    document.body.append(backdrop);
    yes.focus();
  });
}
