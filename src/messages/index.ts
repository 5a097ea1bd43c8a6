/**
 * Every Russian sentence a user can see lives under `src/core/messages/`, one module per area,
 * re-exported here. Code elsewhere builds messages only through these functions and constants.
 */
export * from './data';
export * from './letters';
export * from './thanks';
export * from './report';
export * from './documents';
export * from './cli';
export * from './gas';
export * from './dialogs';
