import { useT } from '../../../i18n/translator';
import { ResendButton } from '../../../ui/ResendButton';
import { useVoiceCalls } from '../hooks/use-voice-calls';

interface CallMeButtonProps {
  /** Earliest moment another code may be requested (the same cooldown as "Resend code"). */
  availableAt: string | null | undefined;
  onCall: () => void;
  busy?: boolean;
}

/**
 * "Call me instead": a call reads the code out, under the same cooldown as a resent SMS (it counts
 * down with it). Hidden where the API places no calls (codeDeliveryOptions.voiceCalls).
 */
export function CallMeButton({ availableAt, onCall, busy }: CallMeButtonProps) {
  const t = useT();
  if (!useVoiceCalls()) return null;
  return (
    <span className="call-me">
      <ResendButton availableAt={availableAt} onResend={onCall} busy={busy} label={t('voice.callMe')} />
      <span className="hint">{t('voice.hint')}</span>
    </span>
  );
}
