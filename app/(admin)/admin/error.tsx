"use client";
// Any admin page whose server rendering failed: the admin frame stays, the admin gets a plain message and a retry.
import { AdminSectionError } from "@/components/admin/section-error";

export default AdminSectionError;
