import { Column, Entity, Index, JoinColumn, ManyToOne, PrimaryColumn } from 'typeorm';
import { AccountEntity } from './account.entity';

/**
 * A registered WebAuthn credential: a security key or a passkey. Nothing here is a secret (the
 * public key verifies signatures, it cannot make them); the signature counter guards against clones.
 */
@Entity('security_key')
@Index('IDX_security_key_account', ['accountId'])
@Index('UQ_security_key_credential_id', ['credentialId'], { unique: true })
@Index('UQ_security_key_account_default', ['accountId'], { unique: true, where: '"is_default"' })
export class SecurityKeyEntity {
  @PrimaryColumn('uuid')
  id!: string;

  @Column('uuid', { name: 'account_id' })
  accountId!: string;

  @ManyToOne(() => AccountEntity, { onDelete: 'CASCADE' })
  @JoinColumn({ name: 'account_id', foreignKeyConstraintName: 'FK_security_key_account' })
  account?: AccountEntity;

  /** The credential id, base64url as in the WebAuthn JSON (unique across accounts). */
  @Column('text', { name: 'credential_id' })
  credentialId!: string;

  /** COSE public key, as the authenticator gave it at registration. */
  @Column('bytea', { name: 'public_key' })
  publicKey!: Buffer;

  /** The last signature counter accepted (0 for authenticators that do not count). */
  @Column('bigint', { name: 'sign_count' })
  signCount!: string;

  /** Transports the browser reported (usb, nfc, ble, internal, hybrid…), handed back in allowCredentials. */
  @Column('text', { array: true })
  transports!: string[];

  /** The authenticator model's AAGUID (all zeros when it does not say, as with attestation none on many). */
  @Column('uuid')
  aaguid!: string;

  /** Discoverable (resident) or synced: a passkey rather than a plain second-factor key. */
  @Column('boolean', { name: 'is_passkey' })
  isPasskey!: boolean;

  /** Backup eligible (BE flag): the credential may be synced between devices. */
  @Column('boolean', { name: 'backup_eligible' })
  backupEligible!: boolean;

  /** Backed up (BS flag) at registration. */
  @Column('boolean', { name: 'backed_up' })
  backedUp!: boolean;

  @Column('varchar', { length: 100, nullable: true })
  description!: string | null;

  @Column('boolean', { name: 'is_default', default: false })
  isDefault!: boolean;

  @Column('timestamptz', { name: 'created_at' })
  createdAt!: Date;

  @Column('timestamptz', { name: 'last_used_at', nullable: true })
  lastUsedAt!: Date | null;
}
