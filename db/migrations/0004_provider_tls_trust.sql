ALTER TABLE `provider_settings` ADD `ca_cert_pem` text;--> statement-breakpoint
ALTER TABLE `provider_settings` ADD `tls_server_name` text;