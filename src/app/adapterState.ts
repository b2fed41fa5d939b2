/**
 * The port for what a chat adapter remembers across restarts besides channel settings (the
 * AdapterState table): Teams' Bot Connector endpoint per tenant, the key that signs chart URLs.
 * Values are short strings; adapters read them once at start and write when one changes.
 */
export interface AdapterStateStore {
  /** Every value of a platform whose key starts with `prefix`. */
  list(platform: string, prefix: string): Promise<Map<string, string>>;
  /** Writes (or replaces) one value. */
  set(platform: string, key: string, value: string, at: Date): Promise<void>;
  /**
   * Stores `value` unless the key already has one, and returns what is stored: two processes that
   * each make a new key at the same moment end up with the same one.
   */
  setIfAbsent(platform: string, key: string, value: string, at: Date): Promise<string>;
}
