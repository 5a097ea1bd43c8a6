/**
 * The commands of `partnerstvo`, in help order. Adding a command is one module beside this file
 * exporting a `RegisterCommand`, plus one line here.
 */
import { registerCheck } from './check';
import { registerDemo } from './demo';
import { registerDeploy } from './deploy';
import { registerExport } from './export';
import { registerInit } from './init';
import { registerInvite } from './invite';
import { registerPull } from './pull';
import { registerRepair } from './repair';
import { registerReport } from './report';
import { registerSetup } from './setup';
import { registerThanks } from './thanks';
import type { RegisterCommand } from './types';

export const COMMANDS: readonly RegisterCommand[] = [registerInit, registerSetup, registerCheck, registerInvite, registerThanks, registerReport, registerExport, registerRepair, registerDeploy, registerPull, registerDemo];
