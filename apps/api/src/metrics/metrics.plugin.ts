import type { ApolloServerPlugin } from '@apollo/server';
import { Kind } from 'graphql';
import type { MetricsService } from './metrics.service';

const AUTH_FIELDS = new Set(['login', 'completeLoginWithSms', 'completeLoginWithBackupCode', 'reauthenticate', 'confirmSmsMethod', 'sendLoginSmsCode', 'addSmsMethod', 'resendSmsMethodCode', 'callLoginCode', 'callSmsMethodCode', 'confirmTotpMethod', 'completeLoginWithTotp', 'changePassword', 'resetPassword']);

/** Counts authentication outcomes (ok or the error code) and times requests by root field. */
export function metricsPlugin(metrics: MetricsService): ApolloServerPlugin {
  return {
    async requestDidStart() {
      const end = metrics.duration.startTimer();
      let operation = 'unknown';
      return {
        async didResolveOperation({ operation: op }) {
          const first = op?.selectionSet.selections.find((s) => s.kind === Kind.FIELD);
          if (first && first.kind === Kind.FIELD) operation = first.name.value;
        },
        async willSendResponse({ response, operation: op }) {
          end({ operation });
          if (response.body.kind !== 'single' || !op) return;
          const errors = response.body.singleResult.errors ?? [];
          for (const s of op.selectionSet.selections) {
            if (s.kind !== Kind.FIELD || !AUTH_FIELDS.has(s.name.value)) continue;
            const key = s.alias?.value ?? s.name.value;
            const error = errors.find((e) => e.path?.[0] === key);
            metrics.operations.inc({ operation: s.name.value, outcome: error ? String(error.extensions?.['code'] ?? 'error') : 'ok' });
          }
        },
      };
    },
  };
}
