/**
 * Platform-neutral keys for Slack places and people: channels are "slack:<team>:<channel>"
 * (channel ids are only unique within a workspace), users "slack:<user>" (user ids are global,
 * also across Slack Connect, so a guest from another organisation keeps one key).
 */
export const PLATFORM = "slack";

export function channelKey(team: string, channel: string): string {
  return `${PLATFORM}:${team}:${channel}`;
}

export function userKey(user: string): string {
  return `${PLATFORM}:${user}`;
}

/** The Slack ids inside a channel key; undefined when the key is not a Slack one. */
export function parseChannelKey(key: string): { team: string; channel: string } | undefined {
  const match = /^slack:([^:]+):([^:]+)$/.exec(key);
  return match?.[1] && match[2] ? { team: match[1], channel: match[2] } : undefined;
}

/** The Slack user id inside a user key; undefined when the key is not a Slack one. */
export function parseUserKey(key: string): string | undefined {
  return /^slack:([^:]+)$/.exec(key)?.[1];
}
