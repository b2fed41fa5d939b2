#!/usr/bin/env -S node --liftoff-only
// The `duidbot` executable. Plain JavaScript on purpose (issue #15, cold start): Node strips the types of
// a .ts file with a WebAssembly build of swc that takes ~120 ms to load, unless the stripped code is in
// Node's compile cache. This file turns that cache on before any .ts module loads, so a start whose
// modules are cached (every start after the first) never loads the stripper. The cache holds V8 code of
// every module too, keyed by each file's contents, so it is never stale; where it cannot be written,
// Node carries on without it.
import { enableCompileCache } from "node:module";
import path from "node:path";

enableCompileCache(process.env.NODE_COMPILE_CACHE ?? path.join(import.meta.dirname, "..", "..", "node_modules", ".cache", "duidbot-compile-cache"));
await import("./main.ts");
