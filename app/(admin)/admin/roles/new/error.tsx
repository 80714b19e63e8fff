"use client";
import { AdminSectionError } from "@/components/admin/roles/section-error";

export default AdminSectionError;
