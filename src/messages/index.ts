/**
 * Every Russian sentence a user can see lives under `src/messages/`, one module per area, re-exported
 * here: the data and the check (`data`), the letter jobs (`letters`, `thanks`, `placeholders`,
 * `letter-templates`), the report (`report`), the document makers (`documents`), and each runtime's
 * own words — Apps Script's menus, alerts and Drive help (`gas`), the command line and the `.xlsx`
 * adapter (`cli`), the dialogs (`dialogs`). It sits beside `core/` rather than in it because both
 * runtimes' adapters speak through it too; it is pure data, and a test keeps Cyrillic out of the rest.
 */
export * from './data';
export * from './letters';
export * from './thanks';
export * from './placeholders';
export * from './letter-templates';
export * from './requisites';
export * from './report';
export * from './documents';
export * from './cli';
export * from './gas';
export * from './dialogs';
export * from './schedule';
export * from './email-templates';
export * from './post';
