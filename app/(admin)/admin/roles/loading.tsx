import { AdminListLoading } from "@/components/admin/roles/admin-loading";

export default AdminListLoading;
