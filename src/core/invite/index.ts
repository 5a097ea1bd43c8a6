/**
 * Invitations to an event: the plan (who gets a letter and why the others do not), the preview
 * shown before sending, «Отправить тест себе», the event picker, and the run itself through the
 * shared delivery loop, with a print-ready document for partners without email.
 */
export { listEvents, defaultEventId, type EventChoice } from './events';
export { inviteFolder, planInvitations, prepareInvitations, type InvitePlan, type InviteRequest, type SkipKind } from './plan';
export { emptyPreview, previewInvitations, type InvitePreview } from './preview';
export { runInvitations } from './run';
export { sendTestInvitation, type TestSendResult } from './test-send';
