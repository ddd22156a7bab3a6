// The part of yauzl 3 the solution tests use (the package ships no types and @types/yauzl isn't installed).
declare module "yauzl" {
  import type { EventEmitter } from "events";
  import type { Readable } from "stream";

  export interface Entry {
    fileName: string;
    compressionMethod: number;
    crc32: number;
    compressedSize: number;
    uncompressedSize: number;
    generalPurposeBitFlag: number;
  }

  export interface ZipFile extends EventEmitter {
    entryCount: number;
    readEntry(): void;
    openReadStream(entry: Entry, callback: (error: Error | null, stream: Readable) => void): void;
    close(): void;
  }

  export interface Options {
    lazyEntries?: boolean;
    decodeStrings?: boolean;
    strictFileNames?: boolean;
    autoClose?: boolean;
  }

  export function open(path: string, options: Options, callback: (error: Error | null, zip: ZipFile) => void): void;
}
