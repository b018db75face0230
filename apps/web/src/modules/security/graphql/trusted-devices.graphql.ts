import { graphql } from '../../../gql';

export const TrustedDeviceFieldsFragment = graphql(`
  fragment TrustedDeviceFields on TrustedDevice {
    id
    createdAt
    lastUsedAt
    expiresAt
    ipAddress
    userAgent
  }
`);

export const TrustedDevicesDocument = graphql(`
  query TrustedDevices {
    trustedDevices {
      ...TrustedDeviceFields
    }
  }
`);

export const ForgetTrustedDeviceDocument = graphql(`
  mutation ForgetTrustedDevice($id: ID!) {
    forgetTrustedDevice(id: $id) {
      ...TrustedDeviceFields
    }
  }
`);

export const ForgetAllTrustedDevicesDocument = graphql(`
  mutation ForgetAllTrustedDevices {
    forgetAllTrustedDevices {
      ...TrustedDeviceFields
    }
  }
`);
