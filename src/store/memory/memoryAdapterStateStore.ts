/** In-memory twin of src/store/adapterStateStore.ts (the AdapterState table). */
import type { AdapterStateStore } from "../../app/adapterState.ts";
import type { MemoryDb } from "./memoryDb.ts";

/** The table's primary key (platform, key) as one map key; NUL cannot occur in either part. */
const id = (platform: string, key: string) => `${platform}\u0000${key}`;

export class MemoryAdapterStateStore implements AdapterStateStore {
  private readonly db: MemoryDb;
  constructor(db: MemoryDb) {
    this.db = db;
  }

  list(platform: string, prefix: string): Promise<Map<string, string>> {
    return this.db.read((t) => {
      const rows = [...t.adapterState.values()].filter((r) => r.platform === platform && r.key.startsWith(prefix));
      return new Map(rows.sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)).map((r) => [r.key, r.value]));
    });
  }

  async set(platform: string, key: string, value: string, at: Date): Promise<void> {
    await this.db.write((t) => void t.adapterState.set(id(platform, key), { platform, key, value, updatedAt: new Date(at) }));
  }

  setIfAbsent(platform: string, key: string, value: string, at: Date): Promise<string> {
    return this.db.write((t) => {
      const found = t.adapterState.get(id(platform, key));
      if (found) return found.value;
      t.adapterState.set(id(platform, key), { platform, key, value, updatedAt: new Date(at) });
      return value;
    });
  }
}
