/**
 * A new GUID, lower case without braces, as Dataverse writes ids. crypto.randomUUID needs a secure context:
 * model-driven and canvas apps run on https, and the local hosts on localhost, which counts as one.
 */
export const newGuid = (): string => crypto.randomUUID();
