import { Session } from "../ManifestConstants";
import { bareGuid } from "../model/checkInRecord";

type Context = ComponentFramework.Context<unknown>;

/** The session whose form the grid sits on (a subgrid's contextInfo), or undefined in a view. */
export function sessionOf(context: Context): { id: string; name: string } | undefined {
  const info = (context.mode as { contextInfo?: { entityTypeName?: string; entityId?: string; entityRecordName?: string } }).contextInfo;
  return info?.entityTypeName === Session.Entity && info.entityId ? { id: bareGuid(info.entityId), name: info.entityRecordName ?? "" } : undefined;
}

/** The environment: the host's client URL (outside the typings). Test hosts have none (pcf-start's throws). */
export function clientUrlOf(context: Context): string | undefined {
  try {
    return (context as unknown as { page: { getClientUrl(): string } }).page.getClientUrl();
  } catch {
    // Changes are then kept under the page's origin, and there are no live updates: no Dataverse to ask.
    return undefined;
  }
}

/**
 * The phone's camera scanner: context.device.getBarcodeValue works in the Power Apps mobile app only (Microsoft's
 * reference), so a browser is offered none.
 */
export function scannerOf(context: Context): (() => Promise<string>) | undefined {
  let client: string | undefined;
  try {
    client = context.client.getClient();
  } catch {
    return undefined;
  }
  return client === "Mobile" && context.device?.getBarcodeValue ? () => context.device.getBarcodeValue() : undefined;
}

/** The platform's contact picker, one contact; undefined when it was closed without a pick. */
export async function pickContact(context: Context): Promise<{ id: string; name: string } | undefined> {
  const picked = await context.utils.lookupObjects({ entityTypes: ["contact"], defaultEntityType: "contact", allowMultiSelect: false });
  const contact = picked?.[0];
  return contact?.id ? { id: bareGuid(contact.id), name: contact.name ?? "" } : undefined;
}

/**
 * A touch screen: the app on a tablet or phone (form factor 2 or 3), or a coarse pointer (a touch laptop, a
 * browser on a tablet). Every control in a row is then a 44 px target.
 */
export function isTouch(context: Context): boolean {
  const formFactor = formFactorOf(context);
  return formFactor === FormFactor.Tablet || formFactor === FormFactor.Phone || (typeof matchMedia === "function" && matchMedia("(pointer: coarse)").matches);
}

/** The platform's form factors (context.client.getFormFactor()). */
export const FormFactor = { Unknown: 0, Desktop: 1, Tablet: 2, Phone: 3 } as const;

/** The device the app runs on, as the platform says; Unknown in a host without a client (pcf-start). */
export function formFactorOf(context: Context): number {
  try {
    return context.client.getFormFactor();
  } catch {
    return FormFactor.Unknown;
  }
}
