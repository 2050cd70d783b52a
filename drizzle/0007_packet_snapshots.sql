ALTER TABLE "agenda_items" ADD COLUMN "packet_snapshot" jsonb;--> statement-breakpoint
ALTER TABLE "agenda_items" ADD COLUMN "packet_snapshot_at" timestamp with time zone;--> statement-breakpoint
ALTER TABLE "meeting_sessions" ADD COLUMN "packet_window_days" integer;