import type { ReactNode } from 'react';
import { useT } from '../../../i18n/translator';
import { describeDevice } from './SecurityActivity';

/**
 * One device of the Sessions and Remembered devices lists: the browser and system of its user
 * agent ("Chrome 131 on Linux"), the kind of device, an optional badge, a line of details and the
 * action. `children` gets the device's name, so the action's label can say which one it ends.
 */
export function DeviceCard({
  userAgent,
  current,
  badge,
  details,
  children,
}: {
  userAgent: string | null | undefined;
  current?: boolean;
  badge?: string;
  details: ReactNode;
  children?: (device: string) => ReactNode;
}) {
  const t = useT();
  const [device, kind] = describeDevice(userAgent, t);
  return (
    <li className={current ? 'device device--current' : 'device'}>
      <div className="device__summary">
        <span className="device__name">{device}</span>
        {kind ? <span className="muted">{kind}</span> : null}
        {badge ? <span className="badge badge--on">{badge}</span> : null}
        <span className="device__detail muted">{details}</span>
      </div>
      {children ? children(device) : null}
    </li>
  );
}
