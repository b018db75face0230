import { listedMethods, type MethodSources } from '../utils/listed-methods';
import { MethodItem } from './MethodItem';

interface TwoFactorMethodListProps {
  twoFactor: MethodSources & { limits: { descriptionMaxLength: number } };
  onMessage: (message: string) => void;
}

/**
 * Every method of the account in one list, oldest first, each with its kind: numbers (SMS),
 * authenticator apps and security keys or passkeys, each renamed, made default or removed the same way.
 */
export function TwoFactorMethodList({ twoFactor, onMessage }: TwoFactorMethodListProps) {
  const methods = listedMethods(twoFactor);
  const confirmed = methods.filter((method) => !method.pending).length;

  return (
    <ul className="methods">
      {methods.map((method) => (
        <MethodItem
          key={method.id}
          method={method}
          onMessage={onMessage}
          isLast={!method.pending && confirmed === 1}
          descriptionMaxLength={twoFactor.limits.descriptionMaxLength}
        />
      ))}
    </ul>
  );
}
