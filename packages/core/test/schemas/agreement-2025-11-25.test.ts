import { describeAgreement } from './agreement-suite.js';

describeAgreement('2025-11-25');
