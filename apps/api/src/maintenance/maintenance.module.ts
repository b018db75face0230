import { Module } from '@nestjs/common';
import { MaintenanceService } from './maintenance.service';
import { LedgerPartitionsStore } from './ledger-partitions.store';
import { MaintenanceStore } from './maintenance.store';

@Module({ providers: [MaintenanceService, MaintenanceStore, LedgerPartitionsStore], exports: [MaintenanceService] })
export class MaintenanceModule {}
