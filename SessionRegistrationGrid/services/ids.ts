/**
 * A new GUID (version 4, random), lower case without braces, as Dataverse writes ids. crypto.randomUUID exists only
 * in a secure context (https, localhost); a page on plain http (a test host on a LAN address, a tablet trying the
 * harness) has crypto.getRandomValues alone, so the GUID is made from that there.
 */
export const newGuid = (): string => (typeof crypto.randomUUID === "function" ? crypto.randomUUID() : guidFromRandomBytes());

function guidFromRandomBytes(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6] & 0x0f) | 0x40; // version 4
  bytes[8] = (bytes[8] & 0x3f) | 0x80; // RFC 4122 variant
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
