ALTER TABLE `plan` ADD `site_names` text DEFAULT '[]' NOT NULL;--> statement-breakpoint
UPDATE `plan` SET `site_names` = coalesce((SELECT json_group_array(`site`) FROM (SELECT DISTINCT `site` FROM `plan_row` WHERE `plan_row`.`plan_id` = `plan`.`id` AND `site` <> '' ORDER BY `site`)), '[]');
