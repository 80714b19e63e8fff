import { UsersLoading } from "@/components/admin/users/users-loading";

export default UsersLoading;
