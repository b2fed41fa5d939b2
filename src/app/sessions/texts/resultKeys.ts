/**
 * The keys of the result texts, derived from the use cases' result unions: every status a person can
 * be shown needs a text in every language, so a new status without one does not compile. More specific
 * keys ("forbidden:adopt", "status:reason") are optional refinements (resultText.ts picks the most specific).
 */
import type { AdoptConclusionResult } from "../adoptConclusion.ts";
import type { DraftConclusionResult } from "../draftConclusion.ts";
import type { EditContributionResult } from "../editContribution.ts";
import type { LinkChannelResult } from "../linkChannel.ts";
import type { MoveQuestionResult } from "../moveQuestion.ts";
import type { ReassignContributionResult } from "../reassignContribution.ts";
import type { RecordContributionResult } from "../recordContribution.ts";
import type { SessionStatusResult } from "../sessionStatus.ts";
import type { SetPersonRolesResult } from "../setPersonRoles.ts";
import type { ShareSummaryResult } from "../shareSummary.ts";
import type { StartFromChangePostResult } from "../startFromChangePost.ts";
import type { StartSessionResult } from "../startSession.ts";
import type { SubmitConclusionResult } from "../submitConclusion.ts";
import type { WithdrawContributionResult } from "../withdrawContribution.ts";
import type { CreateGuestLinkResult, RevokeGuestLinkResult } from "../guestLinks.ts";
import type { JoinSessionResult } from "../joinSession.ts";
import type { GuestLinkActionResult } from "../guestLinkAction.ts";
import type { SetActionStatusResult } from "../setActionStatus.ts";
import type { SetOwnPerspectiveResult } from "../setOwnPerspective.ts";
import type { ShowBreakdownResult } from "../showBreakdown.ts";

/** Outcomes shown as one line ("ok" results carry a message or form instead). */
type ShownResult =
  | AdoptConclusionResult
  | DraftConclusionResult
  | EditContributionResult
  | LinkChannelResult
  | MoveQuestionResult
  | ReassignContributionResult
  | RecordContributionResult
  | SessionStatusResult
  | SetPersonRolesResult
  | ShareSummaryResult
  | StartFromChangePostResult
  | StartSessionResult
  | SubmitConclusionResult
  | WithdrawContributionResult
  | CreateGuestLinkResult
  | RevokeGuestLinkResult
  | JoinSessionResult
  | GuestLinkActionResult
  | SetActionStatusResult
  | SetOwnPerspectiveResult
  | ShowBreakdownResult
  /** A form the platform handed back that is not one of ours (see message.ts isFormId). */
  | { status: "unknown-form" };

export type ResultStatus = Exclude<ShownResult["status"], "ok">;

export type ResultTexts = Record<ResultStatus, string> & Partial<Record<string, string>>;
