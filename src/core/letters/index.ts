/**
 * What letters are made of: the default templates and the placeholders each kind knows, literal
 * filling with the check that runs before anything is sent, the values that go into letters (how a
 * partner is addressed, the centre's fields, an event's fields), and the emails that carry them.
 */
export { composeMail, composeNotice, escapeHtml } from './email';
export { centreValues, eventValues, partnerValues, type Values } from './fields';
export { checkTemplate, fillText } from './fill';
export { defaultTemplate, modelPlaceholders, modelTexts, PLACEHOLDERS, placeholdersIn, placeholderSyntaxProblems } from './templates';
export { checkEmailTemplate, EMAIL_SETTINGS, emailPlaceholderNames, templateMail } from './email-template';
