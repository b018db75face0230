import { graphql } from '../../../gql';

export const ReportUnrecognizedActivityDocument = graphql(`
  mutation ReportUnrecognizedActivity($input: ReportUnrecognizedActivityInput!) {
    reportUnrecognizedActivity(input: $input) {
      sessionsEnded
      devicesForgotten
      mustChangePassword
    }
  }
`);
