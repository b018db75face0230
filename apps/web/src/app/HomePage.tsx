import { Page } from './Page';
import { Link } from './router';

export function HomePage({ name, twoFactorEnabled }: { name: string; twoFactorEnabled: boolean }) {
  return (
    <Page title={`Welcome, ${name}`}>
      <div className="card">
        {twoFactorEnabled ? (
          <p>Two-factor authentication is on. Your account asks for a code from your phone at every login.</p>
        ) : (
          <p>
            Two-factor authentication is off. Turn it on so that a stolen password is not enough to get into your
            account.
          </p>
        )}
        <p>
          <Link to="/security">Go to Security settings</Link>
        </p>
      </div>
    </Page>
  );
}
