/**
 * The chat platforms this build knows, in the order they are mounted and logged. Adding one (Teams)
 * is one line here plus its folder in adapters/: config.ts, server.ts and serve.ts only loop over it.
 */
import { listed, type ListedAdapter } from "../app/chatAdapter.ts";
import { slackPlugin } from "../../adapters/slack/plugin.ts";
import { teamsPlugin } from "../../adapters/teams/plugin.ts";

export const CHAT_ADAPTERS: readonly ListedAdapter[] = [listed(slackPlugin), listed(teamsPlugin)];
