import { Initial1795906284305 } from './1795906284305-Initial';
import { SmsPumpingGuard1795907112255 } from './1795907112255-SmsPumpingGuard';
import { MaskedPhoneNumber1795920000000 } from './1795920000000-MaskedPhoneNumber';
import { UpdateRoomFillfactor1795920100000 } from './1795920100000-UpdateRoomFillfactor';
import { SessionSecondFactor1795930000000 } from './1795930000000-SessionSecondFactor';
import { NoticeBudgets1795930100000 } from './1795930100000-NoticeBudgets';
import { RetentionIndexes1795940000000 } from './1795940000000-RetentionIndexes';
import { SessionLastUse1795950000000 } from './1795950000000-SessionLastUse';
import { TotpMethods1795960000000 } from './1795960000000-TotpMethods';
import { TrustedDevices1795970000000 } from './1795970000000-TrustedDevices';
import { SecurityKeys1795980000000 } from './1795980000000-SecurityKeys';
import { SmsReceiptReplay1795990000000 } from './1795990000000-SmsReceiptReplay';
import { EmailChannel1796000000000 } from './1796000000000-EmailChannel';
import { EmailMessageClientIp1796000100000 } from './1796000100000-EmailMessageClientIp';
import { PasswordResetToken1796100000000 } from './1796100000000-PasswordResetToken';
import { SecurityAlertToken1796200000000 } from './1796200000000-SecurityAlertToken';
import { AccountRecovery1796210000000 } from './1796210000000-AccountRecovery';
import { PartitionedLedgers1796500000000 } from './1796500000000-PartitionedLedgers';
import { SmsAttempt1796400000000 } from './1796400000000-SmsAttempt';
import { SmsChannel1796600000000 } from './1796600000000-SmsChannel';
import { SmsAttemptDeadline1796700000000 } from './1796700000000-SmsAttemptDeadline';

// Listed explicitly (not globbed) so bundles and tests find them. Append, never reorder.
export const MIGRATIONS = [Initial1795906284305, SmsPumpingGuard1795907112255, MaskedPhoneNumber1795920000000, UpdateRoomFillfactor1795920100000, SessionSecondFactor1795930000000, NoticeBudgets1795930100000, RetentionIndexes1795940000000, SessionLastUse1795950000000, TotpMethods1795960000000, TrustedDevices1795970000000, SecurityKeys1795980000000, SmsReceiptReplay1795990000000, EmailChannel1796000000000, EmailMessageClientIp1796000100000, PasswordResetToken1796100000000, SecurityAlertToken1796200000000, AccountRecovery1796210000000, PartitionedLedgers1796500000000, SmsAttempt1796400000000, SmsChannel1796600000000, SmsAttemptDeadline1796700000000];
