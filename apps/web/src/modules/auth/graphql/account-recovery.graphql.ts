import { graphql } from '../../../gql';

export const StartAccountRecoveryDocument = graphql(`
  mutation StartAccountRecovery($input: StartAccountRecoveryInput!) {
    startAccountRecovery(input: $input)
  }
`);

export const AccountRecoveryStateDocument = graphql(`
  query AccountRecoveryState($token: String!) {
    accountRecovery(token: $token) {
      status
      readyAt
      delaySeconds
      locale
    }
  }
`);

export const ConfirmAccountRecoveryDocument = graphql(`
  mutation ConfirmAccountRecovery($input: ConfirmAccountRecoveryInput!) {
    confirmAccountRecovery(input: $input) {
      readyAt
    }
  }
`);

export const CompleteAccountRecoveryDocument = graphql(`
  mutation CompleteAccountRecovery($input: CompleteAccountRecoveryInput!) {
    completeAccountRecovery(input: $input) {
      ...SessionFields
    }
  }
`);
