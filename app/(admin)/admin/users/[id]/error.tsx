"use client";
import { UsersError } from "@/components/admin/users/users-error";

export default UsersError;
