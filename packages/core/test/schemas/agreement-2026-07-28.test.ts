import { describeAgreement } from './agreement-suite.js';

describeAgreement('2026-07-28');
