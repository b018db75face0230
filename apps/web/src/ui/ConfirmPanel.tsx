import type { ReactNode } from 'react';
import { useT } from '../i18n/translator';

/**
 * "Are you sure?" in place of the control that asked: what will happen, the dangerous action
 * (focused, so Enter confirms and Escape-free keyboards reach Cancel with one Tab) and Cancel.
 */
export function ConfirmPanel({
  label,
  children,
  confirmLabel,
  onConfirm,
  onCancel,
  busy,
}: {
  /** Names the group for screen readers, e.g. "Remove +44 •••• ••3456". */
  label: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
}) {
  const t = useT();
  return (
    <div className="confirm" role="group" aria-label={label}>
      {children}
      <div className="actions">
        <button type="button" className="button button--danger" autoFocus disabled={busy} onClick={onConfirm}>
          {confirmLabel}
        </button>
        <button type="button" className="button button--secondary" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </div>
  );
}
