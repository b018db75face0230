import { Module } from '@nestjs/common';
import { MaintenanceService } from './maintenance.service';
import { MaintenanceStore } from './maintenance.store';

@Module({ providers: [MaintenanceService, MaintenanceStore], exports: [MaintenanceService] })
export class MaintenanceModule {}
