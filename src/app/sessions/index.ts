/**
 * The session facade: every duidingssessie use case with its input and result types. Adapters
 * (Slack, Teams, web, CLI) import from here only. Each use case takes `(deps, input)`, runs its state
 * change, processed-event row and outbox messages in ONE transaction, and returns a result value;
 * expected refusals ("gasten mogen niet vaststellen") are results, rendered with `resultText`.
 * Messages to channels are never returned for posting: they wait in the outbox and the dispatcher
 * (src/app/outbox/dispatch.ts) sends them. Only `sessionStatus` and `draftConclusion` return
 * something to show directly to the person who asked (an ephemeral message / a form).
 *
 * Keys: channels "platform:…" ("slack:T123:C456"), people "platform:user" ("slack:U123"); the
 * platform prefix lets one database serve Slack and Teams. What Duidbot changes on its own is recorded
 * by a system key ("system:guest-detection", see systemKey): "system" is no platform and has no rights.
 * Event ids are made unique per platform by the use cases (eventKey), so adapters pass the raw
 * platform id.
 */

// ---- Incoming thread messages ----------------------------------------------------------------

/**
 * A message in a session thread → a contribution to the current question (a leading "#verklaren" or
 * "#2" aims it at another question). Ignored when the thread is no session thread or the event was
 * seen before. Perspective comes from the person (duidbot.yaml / admin) or else the channel default.
 * The message is acknowledged (reaction) via the outbox and the thread's status message is updated.
 */
export { recordContribution } from "./recordContribution.ts";
export { contributeOtherForm, parseContributeOther } from "./contributeOtherForm.ts";
export type { RecordContributionInput, RecordContributionResult } from "./recordContribution.ts";

/** An edited message → the contribution's text (and tag) follow; the old text is kept as a revision. */
export { editContribution } from "./editContribution.ts";
export type { EditContributionInput, EditContributionResult } from "./editContribution.ts";

/** A deleted message → the contribution is withdrawn: kept with `withdrawnAt`, left out of drafts and counts. */
export { withdrawContribution } from "./withdrawContribution.ts";
export type { WithdrawContributionInput, WithdrawContributionResult } from "./withdrawContribution.ts";

/** The author moves their own contribution to another question (e.g. from a message action). */
export { reassignContribution } from "./reassignContribution.ts";
export type { ReassignContributionInput, ReassignContributionResult } from "./reassignContribution.ts";

// ---- Starting ---------------------------------------------------------------------------------

/**
 * Start on request for an indicator or a doel ("/duidbot duid <id>"). Opens a thread in the
 * actor's channel and in every guest channel with autoStart whose scope covers a non-intern indicator.
 */
export { startSession } from "./startSession.ts";
export type { StartSessionInput, StartSessionResult } from "./startSession.ts";

/** The "Start duiding" button (ActionId "session.start") on a change post; `value` is the button's value. */
export { startFromChangePost } from "./startFromChangePost.ts";
export type { StartFromChangePostInput, StartFromChangePostResult } from "./startFromChangePost.ts";

/**
 * After an import: one change post per doel into every channel whose scope covers the changes, and a
 * session per doel with a significant change in every channel with autoStart (one session, a thread per channel).
 */
export { postChanges } from "./postChanges.ts";
export type { PostChangesInput, PostChangesResult } from "./postChanges.ts";

/** For the dispatcher: a guest message written under an older, looser DIN version, rendered again (or withdrawn). */
export { rerenderForGuests } from "./rerenderForGuests.ts";

// ---- Steering ---------------------------------------------------------------------------------

/**
 * Next question ("session.next") or back one ("session.back"); facilitators in internal channels only. With `from`
 * (the question the button was shown at, from moveRefFromValue) a stale click moves nothing: "already-moved".
 */
export { moveQuestion } from "./moveQuestion.ts";
export type { MoveQuestionInput, MoveQuestionResult } from "./moveQuestion.ts";

/** Scheduled: moves sessions whose question has been open `advanceAfterDays` on (uses the Clock). */
export { advanceDueSessions } from "./advanceDueSessions.ts";
export type { AdvanceDueSessionsResult } from "./advanceDueSessions.ts";

// ---- Concluding -------------------------------------------------------------------------------

/** "session.conclude": the conclusion form, pre-filled per question + overall + verbeteracties. */
export { draftConclusion } from "./draftConclusion.ts";
export type { DraftConclusionInput, DraftConclusionResult } from "./draftConclusion.ts";

/** The submitted form: a new draft revision; field ids as in the form (conclusion.<part>, action.<n>.text|owner|due). */
export { submitConclusion } from "./submitConclusion.ts";
export type { SubmitConclusionInput, SubmitConclusionResult } from "./submitConclusion.ts";

/** "session.adopt": someone with the adopter role in an internal channel stelt the conclusion vast. */
export { adoptConclusion } from "./adoptConclusion.ts";
export type { AdoptConclusionInput, AdoptConclusionResult } from "./adoptConclusion.ts";

/** The facilitator posts a summary into the session's guest threads. */
export { shareSummary, sharedSummaries } from "./shareSummary.ts";
export type { ShareSummaryInput, ShareSummaryResult, SharedSummary } from "./shareSummary.ts";

// ---- Reading ----------------------------------------------------------------------------------

/** Status of one session (or the channel's open sessions) as a NeutralMessage for the asker. */
export { sessionStatus } from "./sessionStatus.ts";
export type { SessionStatusInput, SessionStatusResult } from "./sessionStatus.ts";

/** All conclusions of one indicator over time (CLI `duidbot indicator <id>`, the report). */
export { listIndicatorConclusions } from "./listIndicatorConclusions.ts";

// ---- Faces that show sessions themselves (the web) -----------------------------------------------

/** A face's own channel and built-in people (saved only when unknown); a session's thread in that channel, opened on first use. */
export { openFace, joinSession } from "./joinSession.ts";
export type { OpenFaceInput, JoinSessionInput, JoinSessionResult } from "./joinSession.ts";

/** A session as one thread of an audience shows it: root, current question, the contributions it may show. */
export { threadView } from "./threadView.ts";
export type { ThreadViewInput, ThreadViewResult, ViewedContribution } from "./threadView.ts";

/** Guest links: invitations to one session's web guest thread (hashed secret, expiring, revocable). */
export { createGuestLink, guestLinkUrl, listGuestLinks, revokeGuestLink, openGuestLink, GUEST_LINK_DAYS, GUEST_CHANNEL_PREFIX } from "./guestLinks.ts";
export type { CreateGuestLinkResult, GuestLinkSummary, ListGuestLinksResult, OpenGuestLinkResult, RevokeGuestLinkResult } from "./guestLinks.ts";
/** "Gastlink maken" in a chat: the link shown to the clicker alone, built on DUIDBOT_PUBLIC_URL. */
export { guestLinkAction } from "./guestLinkAction.ts";
export type { GuestLinkActionResult } from "./guestLinkAction.ts";

// ---- Administration ---------------------------------------------------------------------------

/** Admin: link a channel (audience + scope + settings); stored in the database, source "chat". */
export { linkChannel } from "./linkChannel.ts";
export type { LinkChannelInput, LinkChannelResult } from "./linkChannel.ts";

/**
 * System (no person): Duidbot makes a linked channel gast on its own (guest detection); stored like an
 * admin's change (source "chat", by "system:guest-detection"), with the same guest safety.
 */
export { changeChannelAudienceBySystem } from "./changeChannelAudienceBySystem.ts";
export type { ChangeChannelAudienceBySystemInput, ChangeChannelAudienceBySystemResult } from "./changeChannelAudienceBySystem.ts";

/** Admin: a person's roles and perspective; source "chat". */
export { setPersonRoles } from "./setPersonRoles.ts";
export type { SetPersonRolesInput, SetPersonRolesResult } from "./setPersonRoles.ts";

/** On start: duidbot.yaml → database (entries new or changed in the file win; see applyConfig.ts). */
export { applyConfig } from "./applyConfig.ts";
export type { ApplyConfigResult } from "./applyConfig.ts";

// ---- Shared types and helpers -----------------------------------------------------------------

export type { Actor, SystemActor, UserRef, SessionRef, AlreadyMoved } from "./types.ts";
export { systemKey } from "./types.ts";
export { sessionRefFromValue, moveButtonValue, moveRefFromValue } from "./types.ts";
export type { SessionDeps, SessionDefaults, ChannelSettings, PersonSettings, IndicatorConclusion } from "./ports.ts";
export { resultText } from "./resultText.ts";

// ---- Verbeteracties followed up -------------------------------------------------------------------

/** The owner or a facilitator sets an action's status (open, bezig, gereed, vervallen); history kept. */
export { setActionStatus } from "./setActionStatus.ts";
export type { SetActionStatusInput, SetActionStatusResult } from "./setActionStatus.ts";

/** Actions with status for lists (CLI, chat); `openActions(now)` for the weekly digest. */
export { listActions, openActions, actionView, actionsForChat } from "./listActions.ts";
export type { ActionView, ListActionsInput } from "./listActions.ts";
export { actionListLines, actionListMessage, actionLine } from "./actionMessages.ts";

/** Reminders a week before and on the due date, each sent once (a claimed row per action and kind). */
export { sendActionReminders, actionReminderJob } from "./actionReminders.ts";

/** A contributor sets their own perspective (`/duiding ik ben ervaringsdeskundige`); guests choose a guest one. */
export { setOwnPerspective } from "./setOwnPerspective.ts";
export type { SetOwnPerspectiveInput, SetOwnPerspectiveResult } from "./setOwnPerspective.ts";

/** "Samenvatting delen" in Slack and Teams: the form (pre-filled with the overall conclusion) and its submission. */
export { shareSummaryForm, submitSummaryForm, SUMMARY_FIELD } from "./shareSummaryForm.ts";
export type { ShareSummaryFormResult, SubmitSummaryResult } from "./shareSummaryForm.ts";
